import * as crypto from "node:crypto";

/** Node's one-shot hash (20.12 and later), else a Hash object per call. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

/**
 * SHA-256 of a text (UTF-8), in lowercase hex.
 *
 * @category Storage
 * @example
 * ```ts
 * sha256Hex("abc"); //=> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(text: string): string {
  return oneShot !== undefined
    ? oneShot("sha256", text)
    : crypto.createHash("sha256").update(text, "utf8").digest("hex");
}
