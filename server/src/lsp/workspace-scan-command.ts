/**
 * The `scanWorkspace` command around the scan itself: work-done progress (the client's token, else one the server
 * creates when the client allows) and cancellation, from the request or from the progress' cancel button.
 */
import { CancellationToken, Connection, ProgressToken, WorkDoneProgressReporter, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { ScanWorkspaceResult } from './protocol';
import { ScanProgress, WorkspaceScanEnvironment, scanWorkspace } from './workspace-scan';

export interface WorkspaceScanRequest {
  readonly connection: Connection;
  readonly workDoneToken?: ProgressToken;
  readonly token: CancellationToken;
  readonly canCreateProgress: boolean;
  readonly title: string;
  progressText(done: number, total: number): string;
  readonly env: WorkspaceScanEnvironment;
}

/** Progress reports at most this often, so a fast scan does not flood the client. */
const REPORT_INTERVAL_MS = 100;

export async function runWorkspaceScan(request: WorkspaceScanRequest): Promise<ScanWorkspaceResult> {
  const { connection } = request;
  let reporter: WorkDoneProgressReporter | WorkDoneProgressServerReporter | undefined;
  if (request.workDoneToken !== undefined) reporter = connection.window.attachWorkDoneProgress(request.workDoneToken);
  else if (request.canCreateProgress) reporter = await connection.window.createWorkDoneProgress();
  const progressToken = reporter && 'token' in reporter ? reporter.token : undefined;
  reporter?.begin(request.title, 0, undefined, true);
  let lastReport = 0;
  const progress: ScanProgress = {
    get cancelled() {
      return request.token.isCancellationRequested || progressToken?.isCancellationRequested === true;
    },
    report(done, total) {
      const now = Date.now();
      if (done < total && now - lastReport < REPORT_INTERVAL_MS) return;
      lastReport = now;
      reporter?.report(total === 0 ? 100 : Math.floor((done / total) * 100), request.progressText(done, total));
    },
  };
  try {
    return await scanWorkspace(request.env, progress);
  } finally {
    reporter?.done();
  }
}
