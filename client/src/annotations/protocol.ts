// The client's typed handles on the annotation requests; names and shapes live in
// server/src/annotationsProtocol.ts, which the server imports too.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient';
import {
  ADD_ANNOTATION_REQUEST, ANNOTATIONS_CHANGED_NOTIFICATION, CODEBOOK_REQUEST, DOCUMENT_ANNOTATIONS_REQUEST, EXPORT_ANNOTATIONS_REQUEST,
  FILES_RENAMED_REQUEST, REMOVE_ANNOTATION_REQUEST, UPDATE_ANNOTATION_REQUEST, WORKSPACE_ANNOTATIONS_REQUEST,
} from '../../../server/src/annotationsProtocol';
import type {
  AddAnnotationParams, AnnotationIdParams, Codebook, DocumentAnnotations, ExportAnnotationsParams, FilesRenamedParams,
  ResolvedAnnotation, UpdateAnnotationParams,
} from '../../../server/src/annotationsProtocol';

export type {
  AnnotationRange, Codebook, CodebookTag, DocumentAnnotations, ExportFormat, ResolvedAnnotation,
} from '../../../server/src/annotationsProtocol';

export const documentAnnotationsRequest = new RequestType<{ uri: string }, DocumentAnnotations | null, void>(DOCUMENT_ANNOTATIONS_REQUEST);
export const workspaceAnnotationsRequest = new RequestType0<DocumentAnnotations[], void>(WORKSPACE_ANNOTATIONS_REQUEST);
/** The code book of a document's workspace folder; without a uri, the first folder's. */
export const codebookRequest = new RequestType<{ uri?: string }, Codebook, void>(CODEBOOK_REQUEST);
export const addAnnotationRequest = new RequestType<AddAnnotationParams, ResolvedAnnotation, void>(ADD_ANNOTATION_REQUEST);
export const updateAnnotationRequest = new RequestType<UpdateAnnotationParams, ResolvedAnnotation, void>(UPDATE_ANNOTATION_REQUEST);
export const removeAnnotationRequest = new RequestType<AnnotationIdParams, { removed: boolean }, void>(REMOVE_ANNOTATION_REQUEST);
export const exportAnnotationsRequest = new RequestType<ExportAnnotationsParams, { text: string; count: number }, void>(EXPORT_ANNOTATIONS_REQUEST);
export const filesRenamedRequest = new RequestType<FilesRenamedParams, { moved: string[]; problems: string[] }, void>(FILES_RENAMED_REQUEST);
export const annotationsChangedNotification = new NotificationType<{ uri: string | null }>(ANNOTATIONS_CHANGED_NOTIFICATION);
