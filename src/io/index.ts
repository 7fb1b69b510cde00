/**
 * Pure text ⇄ data for the formats civic data is published in, with exact locations in
 * every issue.
 *
 * @module io
 */
export { parsePabulib } from "./parsePabulib.js";
