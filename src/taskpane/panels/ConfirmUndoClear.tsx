import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { stringsFor, type Lang } from "../../i18n";

/**
 * "Clear the undo list?": asked when Excel refuses to make a step one undo (UndoNotSupported),
 * before the step is done again outside the group, which clears the user's undo list (run.ts).
 * The question comes mid-run, when the control that started the run is disabled and focus has
 * fallen to the page: focus goes back to the last control focused outside a dialog once it is
 * enabled again (within two seconds), unless something else has taken focus by then.
 */
export function ConfirmUndoClear(props: { lang: Lang; open: boolean; onAnswer: (proceed: boolean) => void }): React.JSX.Element {
  const s = stringsFor(props.lang).undoConfirm;
  const lastOutside = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    const seen = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && !e.target.closest("[role=dialog], [role=alertdialog]")) lastOutside.current = e.target;
    };
    document.addEventListener("focusin", seen);
    return () => document.removeEventListener("focusin", seen);
  }, []);
  const wasOpen = React.useRef(false);
  React.useEffect(() => {
    if (props.open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const target = lastOutside.current;
    if (!target) return;
    const until = Date.now() + 2000;
    let timer = 0;
    const tryFocus = () => {
      const active = document.activeElement;
      const inDialog = active !== null && active.closest("[role=dialog], [role=alertdialog]") !== null;
      const onPage = active === null || active === document.body;
      // Something else (the result, another control) has taken focus: leave it there.
      if (!target.isConnected || !(inDialog || onPage)) return;
      if (onPage && !(target as HTMLButtonElement).disabled) target.focus();
      // The dialog is still closing, or the run still holds the control disabled: look again.
      else if (Date.now() < until) timer = window.setTimeout(tryFocus, 50);
    };
    timer = window.setTimeout(tryFocus, 50);
    return () => window.clearTimeout(timer);
  }, [props.open]);
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.title}</DialogTitle>
          <DialogContent>{s.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(true)} data-testid="confirm-undo-clear">
              {s.proceed}
            </Button>
            <Button onClick={() => props.onAnswer(false)}>{s.stop}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
