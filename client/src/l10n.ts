// Counts with their noun in the right number, through vscode.l10n so each form is translated
// as a whole message ("1 turn", "3,549 words").
import * as vscode from 'vscode';

const formatted = (value: number) => value.toLocaleString('en-US');

export const turnCount = (value: number) => (value === 1 ? vscode.l10n.t('{0} turn', formatted(value)) : vscode.l10n.t('{0} turns', formatted(value)));
export const wordCount = (value: number) => (value === 1 ? vscode.l10n.t('{0} word', formatted(value)) : vscode.l10n.t('{0} words', formatted(value)));
export const speakerCount = (value: number) => (value === 1 ? vscode.l10n.t('{0} speaker', formatted(value)) : vscode.l10n.t('{0} speakers', formatted(value)));
export const figureCount = (value: number) => (value === 1 ? vscode.l10n.t('{0} figure', formatted(value)) : vscode.l10n.t('{0} figures', formatted(value)));
