/**
 * The preview page served by `npm start` for people without Excel: the real task pane,
 * clearly labelled as a preview.
 */
import "./flag";
import "../taskpane/index";
