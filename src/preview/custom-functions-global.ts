/**
 * The page's `CustomFunctions` global, installed when this module loads. install.ts imports it
 * before src/functions/functions.ts, whose build-appended associate calls need it to exist.
 */
import { installFakeCustomFunctions, type InstalledCustomFunctions } from "./fake-excel";

export const customFunctionsRuntime: InstalledCustomFunctions = installFakeCustomFunctions(globalThis);
