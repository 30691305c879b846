import { z } from "zod";
import { id } from "./fields";

/** One secretariat's decision on its side of a cross-district match. */
export const crossMatchDecisionSchema = z.object({
  sideId: id("Match"),
  decision: z.enum(["confirmed", "dismissed"], { error: "Confirm or dismiss the match." }),
});
