import { z } from "zod";
import { choice, id } from "./fields";

/** The admin's Disable / Enable button on the accounts page. */
export const accountActiveSchema = z.object({
  userId: id("Account"),
  intent: choice("Action", ["disable", "enable"]),
});
