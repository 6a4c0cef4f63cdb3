/**
 * Colors as Excel reports them: "#RRGGBB" in upper case. Excel accepts HTML color names and
 * "#RRGGBB"; the fake maps the common names and "#RGB" and keeps any other name as written.
 */
import { invalidArgument } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  lightyellow: "#FFFFE0",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
  gold: "#FFD700",
};

export function normalizeColor(value: unknown, location: string): string {
  if (typeof value !== "string" || value === "") throw invalidArgument(`color ${JSON.stringify(value)}`, location);
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`.toUpperCase();
  return NAMED[v.toLowerCase()] ?? v;
}
