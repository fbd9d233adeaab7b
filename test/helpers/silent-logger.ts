/**
 * A logger that drops everything, for tests that build a CLI runner or client without a server around it.
 */
import type { Logger } from "../../src/log.js";

export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, error() {} };
