import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { usePoll } from "~/components/use-poll";
import { ImportProblems, ImportPreview, ImportProgress, TemplateColumns } from "~/components/import-preview";
import { getDb } from "~/db.server";
import { readForm } from "~/lib/forms";
import { plural } from "~/lib/plural";
import { requireUserWithPermission } from "~/services/auth.server";
import { importView } from "~/services/case-import/view.server";
import { commitImportJob, forgetImportJob, importJob, startImportCheck } from "~/services/case-import/jobs.server";
import { acceptedTypes, importLimits } from "~/lib/case-import/columns";
import { previewQuery } from "~/lib/case-import/preview";

export const meta: MetaFunction = () => [{ title: "Import a case register · Settings · TESTA Desk" }];

const expiredMessage = "This check has expired (an hour after upload, or the server restarted). Upload the file again.";
const limitsSentence = `Up to ${importLimits.rows.toLocaleString("en-IN")} cases and ${importLimits.bytes / 1024 / 1024} MB a file.`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const params = new URL(request.url).searchParams;
  const id = params.get("job");
  const job = importJob(user, id);
  return { job: job ? importView(getDb(), job, previewQuery(params)) : null, expired: !!id && !job };
}

async function uploadedFile(request: Request): Promise<{ name: string; bytes: Uint8Array } | string> {
  if (Number(request.headers.get("content-length") ?? 0) > importLimits.bytes + 64 * 1024)
    return `The file is larger than ${importLimits.bytes / 1024 / 1024} MB. ${limitsSentence} Split it into smaller files.`;
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: importLimits.bytes }),
    );
    const file = form.get("register");
    if (!(file instanceof File) || file.size === 0) return "Choose the register file (.csv or .xlsx) to upload.";
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return `The file is larger than ${importLimits.bytes / 1024 / 1024} MB. ${limitsSentence} Split it into smaller files.`;
    return "The upload did not arrive whole. Choose the file and upload it again.";
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const db = getDb();
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const file = await uploadedFile(request);
    if (typeof file === "string") return data({ error: file }, { status: 400 });
    return redirect(`/settings/import?job=${startImportCheck(db, user, file).id}`);
  }
  const form = await readForm(request);
  const job = importJob(user, String(form.get("job") ?? ""));
  const intent = form.get("intent");
  if (intent === "cancel") {
    if (job) forgetImportJob(job.id);
    return redirect("/settings/import");
  }
  if (intent !== "confirm")
    return data({ error: "Choose the register file (.csv or .xlsx) to upload." }, { status: 400 });
  if (!job) return data({ error: expiredMessage }, { status: 410 });
  // Confirmed twice (a second click, or the form sent again): the write under way is the one.
  if (job.state === "writing" || job.state === "done") return redirect(`/settings/import?job=${job.id}`);
  if (job.state !== "checked" || !job.check || job.check.fileProblems.length || job.check.problems.length) {
    return data(
      { error: "Only a file whose every row is valid can be imported. Correct the rows listed and upload it again." },
      { status: 400 },
    );
  }
  commitImportJob(db, job);
  return redirect(`/settings/import?job=${job.id}`);
}

export default function ImportRegister() {
  const { job, expired } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const navigation = useNavigation();
  const following = job?.state === "checking" || job?.state === "writing";
  usePoll(following);
  const busy = navigation.state === "submitting";
  const error = feedback?.error ?? (expired ? expiredMessage : null);
  const changing = job ? job.totals.new + job.totals.update : 0;
  return (
    <div className="page">
      <h1>Import a case register</h1>
      <p className="muted">
        Bring in the cases a district already keeps in a spreadsheet: every row is checked as the case form checks a
        case, you see what each becomes, and nothing is written until you confirm. Importing the same file again changes
        nothing; a row whose case code, or FIR number and year, is already registered updates that case.
      </p>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}

      {following ? <ImportProgress job={job} /> : null}
      {job?.state === "checked" ? (
        job.problemCount ? (
          <ImportProblems job={job} />
        ) : (
          <>
            <ImportPreview job={job} />
            {job.refusal ? (
              <div className="form-error" role="alert">
                {job.refusal}
              </div>
            ) : null}
            <Form method="post" className="actions">
              <input type="hidden" name="job" value={job.id} />
              {changing ? (
                <button type="submit" name="intent" value="confirm" className="button" disabled={busy}>
                  {busy ? "Importing…" : `Import ${plural(changing, "case", "cases")}`}
                </button>
              ) : (
                <span role="status">Nothing to import: every case in the file is already registered as it says.</span>
              )}
              <button type="submit" name="intent" value="cancel" className="button button--quiet">
                {changing ? "Cancel" : "Done"}
              </button>
            </Form>
          </>
        )
      ) : null}
      {job?.state === "done" ? (
        <div className="notice" role="status">
          Imported {job.fileName ? `“${job.fileName}”` : "the register"}: {job.resultSentence}.{" "}
          <Link to="/cases">Open the case register</Link>.
        </div>
      ) : null}

      {!following ? (
        <section className="card" aria-labelledby="upload">
          <h2 id="upload">{job ? "Upload another file" : "Upload the register"}</h2>
          <Form method="post" encType="multipart/form-data">
            <div className="field">
              <label htmlFor="register">Register file (.csv or .xlsx)</label>
              <input
                id="register"
                name="register"
                type="file"
                accept={acceptedTypes}
                required
                aria-describedby="register-hint"
              />
              <p id="register-hint" className="hint">
                {limitsSentence} CSV in UTF-8, with commas or semicolons; in a workbook, the first sheet is read.
              </p>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Uploading…" : "Check the file"}
            </button>
          </Form>
          <p>
            <a href="/settings/import/template.csv" download>
              Download the template (CSV)
            </a>{" "}
            and see what each column holds below.
          </p>
        </section>
      ) : null}
      {!following ? <TemplateColumns /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
