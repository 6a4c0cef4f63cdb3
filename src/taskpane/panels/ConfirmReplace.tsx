import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { format, stringsFor, type Lang } from "../../i18n";
import { useReturnFocus } from "../shared";

/** "Replace edited sheets?": asked before the add-in replaces one of its sheets someone has edited. */
export function ConfirmReplace(props: { lang: Lang; sheets: string[] | null; onReplace: () => void; onKeep: () => void; returnTo?: React.RefObject<HTMLElement | null> }): React.JSX.Element {
  const s = stringsFor(props.lang).validate;
  useReturnFocus(props.sheets !== null, props.returnTo);
  return (
    <Dialog open={props.sheets !== null} onOpenChange={(_, d) => !d.open && props.onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent>{format(s.confirmBody, { sheets: (props.sheets ?? []).map((n) => `“${n}”`).join(props.lang === "zh-CN" ? "、" : ", ") })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onReplace} data-testid="confirm-replace">
              {s.confirmReplace}
            </Button>
            <Button onClick={props.onKeep}>{s.confirmKeep}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
