/**
 * The preview page served by `npm start` for people without Excel: the real task pane beside an
 * in-memory workbook loaded with the sample ledger, clearly labelled as a preview.
 */
import "./flag";
import { fake } from "./install";
import { mountWorkbookView } from "./workbook-view";
import { resolveLang, stringsFor } from "../i18n";
import "../taskpane/index";

const lang = resolveLang(new URLSearchParams(window.location.search).get("lang") ?? navigator.language);
mountWorkbookView(document.getElementById("workbook") as HTMLElement, fake, stringsFor(lang).previewWorkbook);
