/**
 * A process's open data as one ZIP archive (`openDataArchive`), on a subpath of its own:
 * its CSV and ZIP libraries load only for the apps that publish open data, not for every
 * reader of `civitas/io` (they would add tens of milliseconds to a cold start).
 *
 * @module open-data
 */

export { type OpenDataProcess, openDataArchive } from "./openDataArchive.js";
