import { describe, expect, it } from "vitest";
import { routeMatcher } from "~/lib/route-pattern";
import { errorFields, logLine } from "~/services/log.server";

describe("a log line", () => {
  it("is one JSON object on one line, with protected fields redacted and the query cut from a path", () => {
    const line = logLine("info", "request", {
      method: "GET",
      path: "/cases?q=Sunita%20Jagtap",
      email: "a@b.c",
      subject: "Sunita",
      body: "x",
      status: 200,
    });
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/cases",
      email: "[redacted]",
      subject: "[redacted]",
      body: "[redacted]",
      status: 200,
    });
    expect(line).not.toMatch(/Sunita|a@b\.c/);
  });

  it("describes an error by its name and frames, never by its message", () => {
    const fields = errorFields(new Error("UNIQUE constraint failed: values ('Sunita Jagtap')"));
    expect(JSON.stringify(fields)).not.toContain("Sunita");
    expect(fields.error).toBe("Error");
  });
});

describe("the route pattern of a request", () => {
  const routes = {
    root: { id: "root", path: "" },
    "routes/_index": { id: "routes/_index", parentId: "root", index: true },
    "routes/meetings.$meetingId": { id: "routes/meetings.$meetingId", parentId: "root", path: "meetings/:meetingId" },
    "routes/meetings.$meetingId_.run": {
      id: "routes/meetings.$meetingId_.run",
      parentId: "root",
      path: "meetings/:meetingId/run",
    },
    "routes/meetings.new": { id: "routes/meetings.new", parentId: "root", path: "meetings/new" },
    "routes/meetings.$meetingId.agenda[.]pdf": {
      id: "routes/meetings.$meetingId.agenda[.]pdf",
      parentId: "root",
      path: "meetings/:meetingId/agenda.pdf",
    },
    "routes/$": { id: "routes/$", parentId: "root", path: "*" },
  };
  const routeOf = routeMatcher(routes);

  it("names the pattern, not the address, static segments first and the catch-all last", () => {
    expect(routeOf("/meetings/12/run")).toBe("/meetings/:meetingId/run");
    expect(routeOf("/meetings/new")).toBe("/meetings/new");
    expect(routeOf("/meetings/12")).toBe("/meetings/:meetingId");
    expect(routeOf("/meetings/12/agenda.pdf")).toBe("/meetings/:meetingId/agenda.pdf");
    expect(routeOf("/meetings/12.data")).toBe("/meetings/:meetingId");
    expect(routeOf("/_root.data")).toBe("/");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/no/such/page")).toBe("/*");
  });
});
