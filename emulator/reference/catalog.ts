/** Small fixed lists a tenant exposes: devices, OSes, goals, connection types. */

export const DEVICES: readonly string[] = [
  "mediahub",
  "mobile",
  "ereader",
  "console",
  "tv",
  "tablet",
  "desktop",
  "smartwatch",
];

// Names exactly as `/3.1/oses` spells them; payments and targeting must use these spellings.
export const OSES: readonly string[] = [
  "Android",
  "iOS",
  "iPadOS",
  "Windows",
  "Windows Phone",
  "Mac OS X",
  "macOS",
  "Linux",
  "Ubuntu",
  "Chrome OS",
  "webOS",
  "Tizen",
  "BlackBerry OS",
  "Firefox OS",
  "KaiOS",
  "Symbian OS",
];

// Version lists for `/3.1/oses/{os}`; an OS not listed here has no known versions.
export const OS_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  Android: ["4.4", "5.0", "6.0", "7.0", "8.0", "9.0", "10", "11", "12", "13", "14"],
  iOS: ["12.0", "13.0", "14.0", "15.0", "16.0", "17.0"],
  "Mac OS X": ["10.12", "10.13", "10.14", "10.15", "11.0"],
  Windows: ["7", "8", "8.1", "10", "11"],
};

export const GOALS: ReadonlyArray<{ id: number; title: string }> = [
  { id: 1, title: "Default" },
  { id: 2, title: "Sale" },
  { id: 3, title: "Install" },
  { id: 4, title: "Registration" },
  { id: 5, title: "Deposit" },
];

export const CONNECTION_TYPES: readonly string[] = ["wi-fi", "cellular", "other"];
