// How every listed file is opened for reading.

import { constants } from "node:fs";

/**
 * O_NOFOLLOW: if the name became a symlink after it was listed, fail instead of
 * following it. O_NONBLOCK: if it became a FIFO, opening must not wait for a
 * writer. Both are 0 where the platform lacks them (Windows).
 */
export const READ_LISTED_FILE = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
