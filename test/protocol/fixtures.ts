// Invented texts for the protocol tests: a short call of a made-up company and a README.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CALL = `Northwind Robotics Q3 2026 Earnings Call

## Prepared Remarks

### **Operator**

Good day and welcome to the Northwind Robotics third quarter earnings call. This call was recorded on March 3, 2026.

### **Jane Roe** -- Chief Financial Officer

Thank you. Revenue of RMB 12.5 billion was up 3 percentage points year over year. Gross margin expanded by 50 basis points. We expect low single digit growth next year. Service income showed a 9.1 year-on-year increase.

### **Marcus Hale** -- Chief Executive Officer

We shipped 45,000 robots and paid \\$4.2 billion for the new plant.

## Questions & Answers

### **Operator**

Our first question comes from Priya Nandi with Harbor Securities.

### **Priya Nandi** -- Harbor Securities -- Analyst

Could you talk about the margin outlook for the next two quarters?

### **Jane Roe** -- Chief Financial Officer

Sure. Operating profit was about RMB 3 billion, more than planned.
`;

/** A second call in the same workspace, sharing one speaker with the first. */
export const SECOND_CALL = `Bluefin Logistics Q1 2026 Earnings Call

## Prepared Remarks

### **Operator**

Welcome to the Bluefin Logistics first quarter call.

### **Tomas Brandt** -- Chief Executive Officer

Freight revenue of USD 820 million grew 14% year over year.

## Questions & Answers

### **Priya Nandi** -- Harbor Securities -- Analyst

How should we think about fuel costs?

### **Tomas Brandt** -- Chief Executive Officer

Fuel was roughly 11% of costs in the quarter.
`;

export const README = `# sample-tool

A command-line helper that converts CSV files to JSON.

## Install

Run npm install -g sample-tool, then call sample-tool input.csv.

## Options

- --pretty: indent the output by 2 spaces.
- --limit 100: stop after 100 rows.
`;

export interface TempFolder {
  path: string;
  uri: string;
  remove(): void;
}

export function tempFolder(prefix: string): TempFolder {
  const path = mkdtempSync(join(tmpdir(), `transcript-lens-${prefix}-`));
  return { path, uri: pathToFileURL(path).href, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
