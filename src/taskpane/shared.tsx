/**
 * What every tab shares: one as-of date per workbook (typed once, used by Validate and Notices,
 * remembered in the workbook by the run that uses it), the ledger's first date once a check
 * has seen it, and one polite live region through which results, progress milestones and errors
 * are announced to a screen reader.
 */
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

interface PaneShared {
  /** The as-of date as ISO text ("2011-08-31"); "" when none. */
  asOf: string;
  setAsOf(iso: string): void;
  /** The earliest date the last check read in the ledger (a day number), or null. */
  ledgerFirst: number | null;
  setLedgerFirst(day: number | null): void;
  /** Says a message through the live region (the same text again is said again). */
  announce(text: string): void;
}

const noop = () => undefined;
export const PaneContext = React.createContext<PaneShared>({ asOf: "", setAsOf: noop, ledgerFirst: null, setLedgerFirst: noop, announce: noop });

export function usePane(): PaneShared {
  return React.useContext(PaneContext);
}

const useStyles = makeStyles({
  // Visually hidden, still read: the usual clip pattern.
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
});

/** The state behind PaneContext, and the live region to render once. */
export function usePaneShared(initialAsOf: string): { shared: PaneShared; liveRegion: React.JSX.Element } {
  const styles = useStyles();
  const [asOf, setAsOf] = React.useState(initialAsOf);
  const [ledgerFirst, setLedgerFirst] = React.useState<number | null>(null);
  const [message, setMessage] = React.useState<{ text: string; n: number }>({ text: "", n: 0 });
  const announce = React.useCallback((text: string) => {
    // Cleared first, then set on the next frame: a screen reader says a repeated message again.
    setMessage((m) => ({ text: "", n: m.n + 1 }));
    window.setTimeout(() => setMessage((m) => ({ text, n: m.n })), 50);
  }, []);
  const shared = React.useMemo(() => ({ asOf, setAsOf, ledgerFirst, setLedgerFirst, announce }), [asOf, ledgerFirst, announce]);
  const liveRegion = (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="live-region">
      {message.text}
    </div>
  );
  return { shared, liveRegion };
}

/**
 * Focus back where it was when a dialog opened (the button that opened it) once it closes: the
 * controlled dialogs here have no DialogTrigger, so Fluent does not know where to return.
 */
export function useReturnFocus(open: boolean, fallback?: React.RefObject<HTMLElement | null>): void {
  const from = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    if (open) {
      // The control that was focused; the one given when a run that asks disabled it (focus fell
      // to the page) or when the dialog has already taken the focus (its own effect runs first).
      const active = document.activeElement;
      const outside = active instanceof HTMLElement && active !== document.body && active.closest('[role="dialog"], [role="alertdialog"]') === null;
      from.current = outside ? active : (fallback?.current ?? null);
    } else if (from.current) {
      const target = from.current;
      from.current = null;
      // Once the dialog has left the page (its exit motion ends after its own focus handling,
      // which gives the focus back to what held it when the dialog opened: the page itself, when
      // the run that asks had disabled the control) and the control is enabled again, up to a
      // second; only where the focus is then nowhere.
      const restore = (tries: number): void => {
        if (!target.isConnected) return;
        const waiting = (target as HTMLButtonElement).disabled || document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
        if (waiting) {
          if (tries > 0) window.setTimeout(() => restore(tries - 1), 50);
          return;
        }
        const active = document.activeElement;
        if (active === null || active === document.body || !active.isConnected) target.focus();
      };
      window.setTimeout(() => restore(20), 0);
    }
  }, [open, fallback]);
}
