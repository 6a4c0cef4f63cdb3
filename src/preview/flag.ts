// Marks this page as the preview (no Excel). Imported before the pane so the flag is set first.
(window as unknown as { __AR_PREVIEW__?: boolean }).__AR_PREVIEW__ = true;
export {};
