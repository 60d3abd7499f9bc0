import { describe, expect, it } from "vitest";
import { errorsCsv } from "./format";

describe("errorsCsv (the rejected-lines download)", () => {
  it("quotes commas and quotes, and keeps a formula in a rejected value from running in a spreadsheet", () => {
    const csv = errorsCsv([
      { index: 3, field: "model", message: 'unknown model "gpt-9", check the name' },
      { index: 7, field: "user", message: "=HYPERLINK(\"http://x\",\"y\")" },
    ]);
    expect(csv).toBe(
      'line,field,message\r\n3,model,"unknown model ""gpt-9"", check the name"\r\n7,user,"\'=HYPERLINK(""http://x"",""y"")"\r\n',
    );
  });

  it("names the index column by the unit (record for a JSON array)", () => {
    expect(errorsCsv([{ index: 0, field: "event", message: "not valid JSON" }], "record")).toBe("record,field,message\r\n0,event,not valid JSON\r\n");
  });
});
