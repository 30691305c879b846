/**
 * The seed writes dates relative to "today". Tests seed against the real date in the collective's
 * zone, like the running app, so relative facts ("a hearing in the next six weeks") hold in both.
 */
import { todayIn } from "~/lib/dates";

export const testToday = todayIn("Asia/Kolkata");
export const demoPassword = "testa-demo";
