/** The public surface of the language service library: everything outside `service/` imports from here. */
export { createLanguageService, LanguageService } from './languageService';
export { RenameError } from './features/navigation';
export { parseConfig, PpnetConfig, ParsedConfig, CONFIG_FILE_NAME } from './validation/config';
export { RULES, ruleByCode } from './validation/rules';
export { Rule, Severity, Level, severityName, ruleUrl } from './validation/rule';
export { ValidationOptions, DIAGNOSTIC_SOURCE } from './validation/engine';
export type { Graph, GraphNode, GraphGroup, GraphEdge, GraphFlow, NodeKind, GroupKind, EdgeClass, NodeDiagnostic } from '../../../protocol/graph';
export type { RouteKind, FlowKind, EntityKind } from '../../../protocol/graph';
export type { FindingPlace, EntityDigest } from '../../../protocol/review';
export { sniffNotText, notTextMessage, NotTextKind, controlCharacterName } from './syntax/parse';
export { COMMAND_LINE_LIMIT_BYTES, LIVE_CHECK_LIMIT_BYTES, LIMITS_URL, fileDiagnostic, formatBytes, formatLimit, internalErrorDiagnostic } from './validation/limits';
export { closest, didYouMean } from './text/suggest';
export { capitalize } from './text/words';
export { IAC_FORMATS, IAC_EXTENSIONS } from './features/export';
export type { IacFormat, IacExport, IacExportOptions } from './features/export';
export { NO_INLAY_HINTS } from './features/inlayHints';
export type { InlayHintParts } from './features/inlayHints';
