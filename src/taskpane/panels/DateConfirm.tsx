import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { format, stringsFor, type Lang } from "../../i18n";
import { type DateConcern, formatDisplayDate, isoToDisplay } from "../dates";
import { useReturnFocus } from "../shared";

/** "Use this date?": asked once before a run with a date far from today or before the ledger's first. */
export function DateConfirm(props: {
  lang: Lang;
  concern: DateConcern;
  /** ISO. */
  date: string;
  onUse: () => void;
  onChange: () => void;
  returnTo?: React.RefObject<HTMLElement | null>;
}): React.JSX.Element {
  const { lang, concern } = props;
  const s = stringsFor(lang).dates;
  useReturnFocus(concern !== null, props.returnTo);
  const date = isoToDisplay(props.date, lang);
  const body =
    concern === null
      ? ""
      : concern.kind === "before-ledger"
        ? format(s.beforeLedger, { date, first: formatDisplayDate(concern.first, lang) })
        : format(concern.kind === "future" ? s.future : s.past, { date, today: formatDisplayDate(concern.today, lang) });
  return (
    <Dialog open={concern !== null} onOpenChange={(_, d) => !d.open && props.onChange()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.confirmTitle}</DialogTitle>
          <DialogContent data-testid="date-confirm">{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onUse} data-testid="date-use">
              {format(s.confirmYes, { date })}
            </Button>
            <Button onClick={props.onChange} data-testid="date-change">
              {s.confirmNo}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
