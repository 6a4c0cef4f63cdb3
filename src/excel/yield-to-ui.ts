/**
 * A task of its own between slices of work, so the pane repaints and takes a Cancel click: a
 * MessageChannel message (a macrotask, not a microtask) rather than setTimeout, which browsers
 * throttle to once a second in a hidden pane. setTimeout only where MessageChannel is absent.
 */
export function yieldToUi(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
