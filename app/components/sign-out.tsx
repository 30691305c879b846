import { Form } from "@remix-run/react";
import { clearDevice, queuedSaves } from "~/lib/offline-queue";
import { plural } from "~/lib/plural";

/**
 * Signing out leaves nothing of a meeting on this device: the saves kept offline and the kept
 * run page go. Saves not yet sent would be lost, so it asks first.
 */
export function SignOut({ children }: { children: React.ReactNode }) {
  return (
    <Form
      method="post"
      action="/logout"
      className="whoami"
      onSubmit={(event) => {
        const form = event.currentTarget;
        event.preventDefault();
        void (async () => {
          const unsent = await queuedSaves().catch(() => []);
          const warning = `${plural(unsent.length, "save", "saves")} made on this device while the network was down ${unsent.length === 1 ? "is" : "are"} not sent yet. Signing out deletes ${unsent.length === 1 ? "it" : "them"}. Sign out anyway?`;
          if (unsent.length && !window.confirm(warning)) return;
          await clearDevice().catch(() => undefined);
          form.submit();
        })();
      }}
    >
      {children}
    </Form>
  );
}
