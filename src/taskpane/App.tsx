import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
  type SelectTabData,
} from "@fluentui/react-components";
import { stringsFor } from "../i18n";
import { writesClearUndo, type HostInfo } from "./host";
// The Credit and Notices tabs load when first opened (chunks of their own), so the pane opens with
// the Validate tab's code only; once opened a tab stays mounted and keeps its state.
const CreditPanel = React.lazy(() => import("./panels/CreditPanel").then((m) => ({ default: m.CreditPanel })));
const NoticesPanel = React.lazy(() => import("./panels/NoticesPanel").then((m) => ({ default: m.NoticesPanel })));
// The hidden Self-test tab (?selftest=1), for testers on real hosts and in the preview.
const PolicyPanel = React.lazy(() => import("./panels/PolicyPanel").then((m) => ({ default: m.PolicyPanel })));
const SelfTestPanel = React.lazy(() => import("./panels/SelfTestPanel").then((m) => ({ default: m.SelfTestPanel })));
import { ValidatePanel } from "./panels/ValidatePanel";
import { excelGateway, type ValidateGateway } from "./validate/gateway";
import { workerChecker } from "./validate/worker-checker";
import { excelRunner } from "../excel/run";
import { ConfirmUndoClear } from "./panels/ConfirmUndoClear";
import { selfTestRequested, selfTestStarter } from "./self-test-host";
import { PaneContext, usePaneShared } from "./shared";
import { defaultAsOf } from "./panels/ValidatePanel";

/** The add-in's own sheets in either language: never offered as a ledger. */
function ownSheetNames(): string[] {
  return (["zh-CN", "en-US"] as const).flatMap((l) => {
    const o = stringsFor(l).output;
    return [o.resultsSheet, o.findingsSheet, o.policySheet];
  });
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  // Full strength on the brand colour: at 85% opacity it measured 4.35:1, under WCAG's 4.5:1.
  subtitle: { color: tokens.colorNeutralForegroundOnBrand },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    paddingLeft: tokens.spacingHorizontalXS,
    // At 320 px the four tabs must fit without a scroll bar: smaller side padding per tab.
    "& button": { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  body: {
    // Narrow panes (320 px) keep 8 px each side; wider ones 16 px.
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    "@media (min-width: 400px)": { padding: tokens.spacingHorizontalL },
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

type TabKey = "validate" | "credit" | "notices" | "policy" | "selfTest";

export function App({ host }: { host: HostInfo }): React.JSX.Element {
  const styles = useStyles();
  const s = stringsFor(host.lang);
  const [tab, setTab] = React.useState<TabKey>("validate");
  const [opened, setOpened] = React.useState<ReadonlySet<TabKey>>(() => new Set<TabKey>(["validate"]));
  const { shared, liveRegion } = usePaneShared(defaultAsOf(new Date()));
  React.useEffect(() => setOpened((o) => (o.has(tab) ? o : new Set([...o, tab]))), [tab]);
  // The answer to "clear the undo list?", awaited by the runner while the dialog is open.
  const [undoAnswer, setUndoAnswer] = React.useState<((proceed: boolean) => void) | null>(null);
  const confirmUndoClear = React.useCallback(() => new Promise<boolean>((resolve) => setUndoAnswer(() => resolve)), []);
  const answerUndo = (proceed: boolean) => {
    undoAnswer?.(proceed);
    setUndoAnswer(null);
  };
  // Said before any write on a host where every write clears the undo list (no ExcelApi 1.20).
  const undoClears = React.useMemo(() => writesClearUndo(host.kind), [host.kind]);
  const gateway = React.useMemo<ValidateGateway | undefined>(
    () =>
      host.kind === "none" || typeof Excel === "undefined"
        ? undefined
        : excelGateway(
            excelRunner(Excel, undefined, confirmUndoClear),
            ownSheetNames,
            workerChecker(),
          ),
    [host.kind, confirmUndoClear],
  );
  const selfTest = React.useMemo(() => (host.kind !== "none" && selfTestRequested() ? selfTestStarter(host.lang) : null), [host.kind, host.lang]);
  const onTabSelect = (_: unknown, data: SelectTabData) =>
    setTab(data.value as TabKey);
  return (
    // The look goes on a div inside the provider: Fluent copies the provider's className onto its
    // portals' mount nodes, and a full-height background there hid the pane behind every open list.
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={shared}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
            {s.appTitle}
          </Text>
          <Text size={200} className={styles.subtitle}>
            {s.appSubtitle}
          </Text>
        </header>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={onTabSelect}
          aria-label={s.appTitle}
        >
          <Tab value="validate">{s.tabs.validate}</Tab>
          <Tab value="credit">{s.tabs.credit}</Tab>
          <Tab value="notices">{s.tabs.notices}</Tab>
          <Tab value="policy">{s.tabs.policy}</Tab>
          {selfTest && <Tab value="selfTest">{s.tabs.selfTest}</Tab>}
        </TabList>
        <main className={styles.body}>
          {host.kind === "preview" && (
            <MessageBar intent="warning">
              <MessageBarBody>{s.previewBanner}</MessageBarBody>
            </MessageBar>
          )}
          {host.kind === "none" && (
            <MessageBar intent="info">
              <MessageBarBody>{s.noHostBanner}</MessageBarBody>
            </MessageBar>
          )}
          {undoClears && (
            <MessageBar intent="warning" data-testid="undo-clears">
              <MessageBarBody>{s.undoClearsBanner}</MessageBarBody>
            </MessageBar>
          )}
          {/* Every panel stays mounted, so a check's results survive a look at another tab. */}
          <div hidden={tab !== "validate"}>
            <ValidatePanel lang={host.lang} {...(gateway ? { gateway } : {})} />
          </div>
          <div hidden={tab !== "credit"}>
            {opened.has("credit") && (
            <React.Suspense fallback={<Spinner size="small" />}>
              <CreditPanel lang={host.lang} {...(gateway ? { gateway } : {})} />
            </React.Suspense>
          )}
          </div>
          <div hidden={tab !== "notices"}>
            {opened.has("notices") && (
            <React.Suspense fallback={<Spinner size="small" />}>
              <NoticesPanel lang={host.lang} {...(gateway ? { gateway } : {})} />
            </React.Suspense>
          )}
          </div>
          {selfTest && (
            <div hidden={tab !== "selfTest"}>
              {opened.has("selfTest") && (
                <React.Suspense fallback={<Spinner size="small" />}>
                  <SelfTestPanel lang={host.lang} preview={host.kind === "preview"} start={selfTest} />
                </React.Suspense>
              )}
            </div>
          )}
          <div hidden={tab !== "policy"}>
            {opened.has("policy") && (
              <React.Suspense fallback={<Spinner size="small" />}>
                <PolicyPanel
                  lang={host.lang}
                  {...(gateway && tab === "policy" ? { load: gateway.policy, save: (edits: Map<string, string>) => gateway.savePolicy(edits, host.lang) } : {})}
                />
              </React.Suspense>
            )}
          </div>
        </main>
        {liveRegion}
        <ConfirmUndoClear lang={host.lang} open={undoAnswer !== null} onAnswer={answerUndo} />
      </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
