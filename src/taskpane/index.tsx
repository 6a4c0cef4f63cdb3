import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

void detectHost().then((host) => {
  document.documentElement.lang = host.lang;
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(<App host={host} />);
});
