// Semantic tokens: speaker names by kind, figures read versus unreadable. The types and
// modifiers are declared in package.json (semanticTokenTypes, semanticTokenModifiers,
// semanticTokenScopes) with standard super types, so every theme colours them.
import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Span } from '../engine';
import { linesTouchRange } from '../positions';

const TOKEN_TYPES = ['speaker', 'figure', 'unreadableFigure'] as const;
const TOKEN_MODIFIERS = ['management', 'analyst', 'operator', 'host', 'unknown', 'approximate', 'checked'] as const;

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

interface Token extends Span {
  type: TokenType;
  modifiers: TokenModifier[];
}

function modifierBits(modifiers: TokenModifier[]): number {
  return modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
}

/** Tokens per analysis: VS Code asks for a range and then the full document of the same version. */
const tokensByAnalysis = new WeakMap<AnalyzedDocument, Token[]>();

function tokensOf(document: AnalyzedDocument): Token[] {
  let tokens = tokensByAnalysis.get(document);
  if (!tokens) {
    tokens = collectTokens(document);
    tokensByAnalysis.set(document, tokens);
  }
  return tokens;
}

function collectTokens(document: AnalyzedDocument): Token[] {
  const tokens: Token[] = [];
  for (const turn of document.analysis.turns) {
    tokens.push({ ...turn.nameSpan, type: 'speaker', modifiers: [turn.speakerKind] });
  }
  for (const figure of document.analysis.figures) {
    const modifiers: TokenModifier[] = [];
    if (figure.approximate) modifiers.push('approximate');
    if (figure.checked) modifiers.push('checked');
    tokens.push({ line: figure.line, start: figure.start, end: figure.end, type: figure.kind === 'unparsed' ? 'unreadableFigure' : 'figure', modifiers });
  }
  // The encoding needs tokens in order and without overlap; the earlier token wins.
  tokens.sort((a, b) => a.line - b.line || a.start - b.start);
  return tokens.filter((token, index) => {
    const previous = tokens[index - 1];
    return token.end > token.start && !(previous && previous.line === token.line && previous.end > token.start);
  });
}

export function semanticTokens(document: AnalyzedDocument, range?: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const token of tokensOf(document)) {
    if (range && !linesTouchRange(token.line, token.line, range)) continue;
    builder.push(token.line, token.start, token.end - token.start, TOKEN_TYPES.indexOf(token.type), modifierBits(token.modifiers));
  }
  return builder.build();
}
