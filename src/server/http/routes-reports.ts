import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PHASES, type Phase } from '../../core/finding.js';
import { checkName } from '../auth/accounts.js';
import { actorOf, permits } from '../auth/roles.js';
import { ensureProject, ingestReport } from '../ingest/ingest.js';
import { parseReport } from '../ingest/parse.js';
import type { IngestTarget } from '../ingest/types.js';
import { jobView } from '../jobs/records.js';
import type { JobQueue } from '../jobs/types.js';
import type { Store } from '../store/open.js';
import { isAnomalyReport } from '../operate/report.js';
import { ID_PARAMS } from './query-schemas.js';
import { DEFAULT_REPORTS_PER_HOUR, fileAnomalyReport } from './routes-operate.js';
import { HttpError, principalOf, route } from './route.js';

/** Reports with more findings than this are stored as a job and answered with 202 and the job to poll. */
export const ASYNC_THRESHOLD = 10_000;

interface PushQuery {
  project?: string;
  branch?: string;
  commit?: string;
  phase?: Phase;
}

export function registerReportRoutes(
  app: FastifyInstance,
  store: Store,
  queue: JobQueue,
  reportsPerHour = DEFAULT_REPORTS_PER_HOUR,
): void {
  // SARIF and CycloneDX have their own media types; they are JSON all the same.
  app.addContentTypeParser(
    ['application/sarif+json', 'application/vnd.cyclonedx+json'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  route<FastifyRequest<{ Querystring: PushQuery; Body: unknown }>>(app, {
    method: 'POST',
    url: '/api/v1/reports',
    access: 'push-or-user',
    summary:
      'push a scan report (Vanguard JSON, SARIF 2.1.0, CycloneDX 1.4–1.6; a push token or a member; large ones become an import job, 202) or file an anomaly report ({ what, where, when, severity, project?, target? }; any user, rate-limited)',
    tags: ['reports'],
    schema: {
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          project: { type: 'string', maxLength: 100 },
          branch: { type: 'string', minLength: 1, maxLength: 200 },
          commit: { type: 'string', pattern: '^[0-9a-fA-F]{7,64}$' },
          phase: { type: 'string', enum: [...PHASES] },
        },
      },
      body: { type: 'object' },
    },
    handler: async (req, reply) => {
      const p = principalOf(req);
      if (isAnomalyReport(req.body)) return fileAnomalyReport(store, req, reply, req.body, reportsPerHour);
      if (p.kind === 'user' && !permits(p, 'push'))
        throw new HttpError(
          403,
          'FORBIDDEN',
          `pushing scan reports needs the member role or a push token (the ${p.role} role may file anomaly reports: { what, where, severity })`,
        );
      if (p.kind === 'hook') throw new HttpError(403, 'FORBIDDEN', 'a hook token cannot push reports');
      let projectId: number;
      let project: string;
      if (p.kind === 'push') {
        if (req.query.project !== undefined && req.query.project !== p.project)
          throw new HttpError(
            403,
            'FORBIDDEN',
            `this push token is for project ${p.project}, not ${req.query.project}`,
          );
        projectId = p.projectId;
        project = p.project;
      } else {
        if (req.query.project === undefined)
          throw new HttpError(400, 'BAD_REQUEST', 'querystring must name the project');
        project = checkName('project', req.query.project);
        projectId = await ensureProject(store.db, project);
      }
      const parsed = parseReport(req.body);
      const target: IngestTarget = {
        projectId,
        branch: req.query.branch ?? 'default',
        actor: actorOf(p),
        ...(req.query.commit ? { commit: req.query.commit.toLowerCase() } : {}),
        ...(req.query.phase ? { phase: req.query.phase } : {}),
      };
      if (parsed.findings.length > ASYNC_THRESHOLD) {
        const jobId = await queue.enqueue('import', { doc: req.body, target }, target.actor);
        return reply
          .code(202)
          .header('location', `/api/v1/jobs/${jobId}`)
          .send({
            jobId,
            status: 'queued',
            poll: `/api/v1/jobs/${jobId}`,
            project,
            branch: target.branch,
            findings: parsed.findings.length,
          });
      }
      const outcome = await ingestReport(store, parsed, target);
      return reply.code(201).send({ project, branch: target.branch, ...outcome });
    },
  });

  route<FastifyRequest<{ Params: { id: number } }>>(app, {
    method: 'GET',
    url: '/api/v1/jobs/:id',
    access: 'push',
    summary: 'status and result of a job (a push token sees only its own)',
    tags: ['reports'],
    schema: { params: ID_PARAMS },
    handler: async (req) => {
      const p = principalOf(req);
      const job = await jobView(store.db, req.params.id);
      if (!job || (p.kind === 'push' && job.createdBy !== actorOf(p)))
        throw new HttpError(404, 'NOT_FOUND', `no job ${req.params.id}`);
      return job;
    },
  });
}
