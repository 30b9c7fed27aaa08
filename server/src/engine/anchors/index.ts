// Anchors: one mechanism that pins something the user wrote down (a checked reading, an
// annotation) to text by the text itself and the words around it, so edits elsewhere in the
// file keep it attached and nothing needs a line number that goes stale. Checked figures
// anchor inside a line; annotations anchor in the whole document and may span lines.
export { anchorAt, ANCHOR_REACH, contextScore, locateAnchor } from './locate';
export type { ContextAnchor, LocatedAnchor, TextAnchor } from './locate';
export { annotationRecord, resolveAnnotations } from './annotations';
export type { AnnotationRange, AnnotationState, ResolvedAnnotation, StoredAnnotation } from './annotations';
