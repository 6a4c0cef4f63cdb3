/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a stable `code`,
 * `debugInfo.errorLocation`), so gateway code that branches on `error.code` behaves the same
 * against the fake as against Excel. Messages for the codes Office.js itself raises on the
 * client (PropertyNotLoaded, ValueNotLoaded, payload limits) are Office.js's own English strings
 * (node_modules/@microsoft/office-js/dist/en-us/office_strings.debug.js).
 */

interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** The failing statement, as Office.js reports it in debugInfo when a batch fails. */
  withStatement(statement: string): this {
    this.debugInfo.statement = statement;
    return this;
  }
}

/**
 * Codes from Excel.ErrorCodes plus the OfficeExtension core codes the fake raises
 * (PropertyNotLoaded, ValueNotLoaded, RequestPayloadSizeLimitExceeded, ...).
 */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  emptyChartSeries: "EmptyChartSeries",
  filteredRangeConflict: "FilteredRangeConflict",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
  generalException: "GeneralException",
  inactiveWorkbook: "InactiveWorkbook",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestAborted: "RequestAborted",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
  unsupportedSheet: "UnsupportedSheet",
  // OfficeExtension (client-side) codes
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  runMustReturnPromise: "RunMustReturnPromise",
} as const;

export function propertyNotLoaded(typeName: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

/**
 * A member above the host's requirement sets, touched on the client: Office.js's own error and
 * English message (CommonUtility.throwIfApiNotSupported and CoreResourceStrings.apiNotFoundDetails in
 * @microsoft/office-js/dist/excel-web-16.00.debug.js).
 */
export function apiNotFound(member: string, set: string): FakeOfficeError {
  const e = new FakeOfficeError(
    ErrorCodes.apiNotFound,
    `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
    member,
    404,
  );
  return e;
}

/**
 * A batch that reached Excel while the user was editing a cell, without delayForCellEdit: Office.js's
 * code and message (ErrorCodes.invalidOperationInCellEditMode, L_InvalidOperationInCellEditMode in
 * @microsoft/office-js/dist/en-us/office_strings.debug.js).
 */
export function cellEditMode(): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidOperationInCellEditMode,
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  );
}

/**
 * A path through a null object (isNullObject true) that a command needed: ItemNotFound. A load
 * through one is answered with a null object instead (see FakeClientObject._snapshot).
 */
export class NullTargetError extends FakeOfficeError {
  constructor(path: string) {
    super(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${path} is a null object (isNullObject is true))`, path);
  }
}

export function valueNotLoaded(): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.valueNotLoaded,
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  );
}

export function notImplemented(what: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.notImplemented, `FakeExcel: ${what} is not implemented`, what);
}

export function itemNotFound(what: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${what})`, location);
}

export function invalidArgument(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format. (${detail})`,
    location,
  );
}

export function invalidOperation(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidOperation, `The operation attempted is invalid on the object. (${detail})`, location);
}

export function accessDenied(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.accessDenied, `You cannot perform the requested operation. (${detail})`, location);
}

export function itemAlreadyExists(detail: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.itemAlreadyExists, `The resource being created already exists. (${detail})`, location);
}

export function requestPayloadTooLarge(bytes: number, limit: number): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.requestPayloadSizeLimitExceeded,
    `The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (fake: ${bytes} bytes > ${limit})`,
    undefined,
    413,
  );
}

export function responsePayloadTooLarge(bytes: number, limit: number): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.responsePayloadSizeLimitExceeded,
    `The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins". (fake: ${bytes} bytes > ${limit})`,
    undefined,
    413,
  );
}

export function invalidObjectPath(path: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidObjectPath,
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    path,
  );
}

export function invalidRequestContext(): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidRequestContext, "Cannot use the object across different request contexts.");
}

export function readOnlyProperty(typeName: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    "CannotUpdateReadOnlyProperty",
    `The property '${property}' is read-only and it cannot be updated.`,
    `${typeName}.${property}`,
  );
}
