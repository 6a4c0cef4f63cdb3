/**
 * The dialog a ribbon command opens to say how a report went: the message comes in the query
 * string and is shown as text (never as HTML). OK closes it through Office.context.ui.messageParent.
 */
const params = new URLSearchParams(window.location.search);
const box = document.getElementById("message") as HTMLElement;
box.className = params.get("kind") === "error" ? "error" : "ok";
box.textContent = params.get("text") ?? "";
document.getElementById("close")?.addEventListener("click", () => {
  try {
    Office.context.ui.messageParent("close");
  } catch {
    window.close();
  }
});
if (typeof Office !== "undefined") void Office.onReady();
