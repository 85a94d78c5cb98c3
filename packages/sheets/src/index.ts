/** Spreadsheets in and out (xlsx, csv): roster template and import, staff and ladder exports (issue 3). */
export {};
