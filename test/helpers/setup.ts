/** Runs in every test file (vitest setupFiles): removes the file's temp folders when it ends. */
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

afterAll(removeTempDirs);
