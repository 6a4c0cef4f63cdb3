/** A finding's cell is shown once: as the link; the message under it starts with what follows the cell. */
import { messageWithoutCell } from "../../src/core/ledger/findings";

test("the cell and its field label come off the front of the message", () => {
  expect(messageWithoutCell("应收账款台账!G9（发生日期）：日期“2011.13.05”不存在：没有13月。", "应收账款台账!G9")).toBe("发生日期：日期“2011.13.05”不存在：没有13月。");
  expect(messageWithoutCell('应收账款台账!G9 (date arisen): The date "2011.13.05" does not exist.', "应收账款台账!G9")).toBe('date arisen: The date "2011.13.05" does not exist.');
  expect(messageWithoutCell("应收账款台账!L11：余额 80,000.00 不等于…", "应收账款台账!L11")).toBe("余额 80,000.00 不等于…");
  expect(messageWithoutCell("应收账款台账!L11: the balance 80,000.00 is not…", "应收账款台账!L11")).toBe("the balance 80,000.00 is not…");
  // A message that does not start with the cell is left whole.
  expect(messageWithoutCell("客户“甲”的余额…", "应收账款台账!L11")).toBe("客户“甲”的余额…");
});
