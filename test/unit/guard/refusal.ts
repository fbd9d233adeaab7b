/**
 * The refusal a guard gives, for the guard tests: runs `guard`, expects a UserInputError whose message
 * starts with "Refused: ", and returns that message; a guard that accepts fails the test with `shown`.
 */
import { expect } from "vitest";
import { UserInputError } from "../../../src/errors.js";

export function refusalOf(guard: () => unknown, shown: unknown): string {
  try {
    guard();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as Error).message;
    expect(message.startsWith("Refused: ")).toBe(true);
    return message;
  }
  throw new Error(`accepted: ${JSON.stringify(shown)}`);
}
