import * as React from "react";
import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // overflow visible: Card clips by default, which would stop a sticky child (the credit score bar) from sticking.
  card: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, overflow: "visible" },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** A titled card: the frame every panel's content sits in. */
export function Section(props: { title: string; intro?: string; children?: React.ReactNode; testId?: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid={props.testId}>
      <Text as="h2" size={400} weight="semibold" style={{ margin: 0 }}>
        {props.title}
      </Text>
      {props.intro && <Text className={styles.intro}>{props.intro}</Text>}
      {props.children}
    </Card>
  );
}
