// The custom requests and notifications of annotations, imported by both the server and
// the client so the two sides cannot drift apart. Plain types and strings only.
import type { Range } from 'vscode-languageserver-types';
import type { ResolvedAnnotation } from './engine/anchors';

export type { AnnotationRange, AnnotationState, ResolvedAnnotation } from './engine/anchors';

/** One tag of the code book. */
export interface CodebookTag {
  name: string;
  /** A CSS colour, #rrggbb. */
  color: string;
  description: string;
}

export interface Codebook {
  tags: CodebookTag[];
  /** Where the tags come from: the built-in earnings-call book, the user's settings or the workspace file. */
  source: 'default' | 'settings' | 'workspace';
  /** Problems found while reading the user's code book (the rest of it is still used). */
  problems: string[];
}

/** The annotations of one transcript, resolved against its current text. */
export interface DocumentAnnotations {
  uri: string;
  annotations: ResolvedAnnotation[];
  /** Why the sidecar could not be read (it is then never overwritten); null when it is fine. */
  error: string | null;
}

export interface AddAnnotationParams {
  uri: string;
  range: Range;
  tag: string;
  note?: string;
}

export interface UpdateAnnotationParams {
  uri: string;
  id: string;
  tag?: string;
  note?: string;
}

export interface AnnotationIdParams {
  uri: string;
  id: string;
}

export type ExportFormat = 'csv' | 'md' | 'json';

export interface ExportAnnotationsParams {
  /** The transcripts to export; null for every annotated transcript in the workspace. */
  uris: string[] | null;
  format: ExportFormat;
}

export interface FilesRenamedParams {
  files: Array<{ oldUri: string; newUri: string }>;
}

/** Client → server: DocumentAnnotations of one open document. */
export const DOCUMENT_ANNOTATIONS_REQUEST = 'transcriptLens/annotations';
/** Client → server: DocumentAnnotations[] of every annotated transcript in the workspace (open or on disk). */
export const WORKSPACE_ANNOTATIONS_REQUEST = 'transcriptLens/workspaceAnnotations';
/** Client → server: the Codebook in force. */
export const CODEBOOK_REQUEST = 'transcriptLens/codebook';
/** Client → server: AddAnnotationParams → the new ResolvedAnnotation. */
export const ADD_ANNOTATION_REQUEST = 'transcriptLens/addAnnotation';
/** Client → server: UpdateAnnotationParams (a new tag, a new note, or both) → the ResolvedAnnotation. */
export const UPDATE_ANNOTATION_REQUEST = 'transcriptLens/updateAnnotation';
/** Client → server: AnnotationIdParams → { removed: boolean }. */
export const REMOVE_ANNOTATION_REQUEST = 'transcriptLens/removeAnnotation';
/** Client → server: ExportAnnotationsParams → { text, count }. */
export const EXPORT_ANNOTATIONS_REQUEST = 'transcriptLens/exportAnnotations';
/** Client → server: transcripts were renamed in the editor; their sidecars move with them. → { moved, problems } */
export const FILES_RENAMED_REQUEST = 'transcriptLens/filesRenamed';
/** Server → client: the annotations of { uri } (null: of any file, or the code book) changed. */
export const ANNOTATIONS_CHANGED_NOTIFICATION = 'transcriptLens/annotationsChanged';

/** Server commands, for code actions: { uri, range, tag } and { uri, id }. */
export const ANNOTATE_COMMAND = 'transcriptLens.server.annotate';
export const REMOVE_ANNOTATION_COMMAND = 'transcriptLens.server.removeAnnotation';
