/**
 * The PDF engine: render a DocModel (model.ts) to PDF bytes, sign them with an officer's certificate,
 * verify a signed file. No Electron here; everything runs in plain Node (tests, CLI, preview server).
 */
export { defaultFontDir, fallbackChain, fontFileName, LANG_FAMILY, resolveFontFile } from './fonts';
export {
  createSelfSignedIdentity,
  formatFingerprint,
  type IdentityInfo,
  type NewIdentity,
  type NewIdentityInput,
  readIdentity,
} from './identity';
export { type FontRun, itemizeByFont } from './itemize';
export { A4, type PageGeometry } from './layout';
export {
  breakLines,
  breakOpportunities,
  breakParagraph,
  graphemeBoundaries,
  type LineSpan,
} from './linebreak';
export {
  type Block,
  blockSchema,
  type DocModel,
  docModelSchema,
  LANGS,
  type Lang,
  type LangText,
} from './model';
export { type FlowMetrics, glueGroups, type Placement, pageCount, paginate } from './paginate';
export { type RenderOptions, renderPdf } from './render';
export { type SignOptions, signPdf } from './sign';
export type { RunRecord } from './textEngine';
export { textEngineFor } from './textEngine';
export { type VerifyResult, verifyPdf } from './verify';
