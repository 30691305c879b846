import { describe, expect, it } from "vitest";
import { byIntent, formValues, readForm, stripControlCharacters } from "~/lib/forms";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });

describe("reading a form at the edge", () => {
  it("reads a body that is not form data as an empty form", async () => {
    for (const request of [
      post(null),
      post(JSON.stringify({ email: "a@b.c" }), "application/json"),
      post("email=a@b.c", "text/plain"),
      post('--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na', "multipart/form-data; boundary=x"),
    ]) {
      expect([...(await readForm(request)).entries()]).toEqual([]);
    }
  });

  it("strips NUL and other control characters from names and values, keeping tabs and newlines", async () => {
    const form = await readForm(
      post(
        new URLSearchParams({ "no\u0000te": "a\u0000b\u0007c\td\r\ne\u001b[0m\u0085" }),
        "application/x-www-form-urlencoded",
      ),
    );
    expect([...form.entries()]).toEqual([["note", "abc\td\ne[0m"]]);
    expect(stripControlCharacters("line\rnext")).toBe("line\nnext");
  });

  it("refuses a body larger than any form before reading it", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "a=1",
      headers: { "Content-Length": "5000000", "Content-Type": "application/x-www-form-urlencoded" },
    });
    await expect(readForm(request)).rejects.toMatchObject({ status: 413 });
  });

  it("keeps a field named __proto__ an ordinary value, and finds intents among own entries only", () => {
    const data = new FormData();
    data.append("__proto__", "x");
    data.append("__proto__", "y");
    const values = formValues(data);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(values.__proto__).toEqual(["x", "y"]);
    const table = { save: 1 };
    expect(byIntent(table, "save")).toBe(1);
    for (const name of ["toString", "__proto__", "constructor", "hasOwnProperty"])
      expect(byIntent(table, name)).toBeUndefined();
  });
});
