// Every error the HTTP layer answers, in one shape with a message in both languages: malformed
// JSON, a body over the limit, a request that does not match its schema, an unknown route.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { refusal, type Refusal } from '../auth/refusal.js';

/**
 * Sends a refusal as `{ error: { code, rule, message } }` with its status.
 *
 * @param reply - Fastify's reply
 * @param r - the refusal
 * @returns the reply, sent
 */
export function sendRefusal(reply: FastifyReply, r: Refusal): FastifyReply {
  return reply.code(r.status).send({ error: { code: r.code, rule: r.rule, message: r.message } });
}

/** The refusal for a body over the limit. */
export const tooLarge = (limit: number): Refusal =>
  refusal(
    413,
    'request.too-large',
    'HTTP',
    `请求内容过大（上限 ${limit} 字节）`,
    `the request body is too large (at most ${limit} bytes)`,
  );

/**
 * Maps Fastify's errors to bilingual refusals, and unknown routes to a bilingual 404.
 *
 * @param app - the server
 * @param bodyLimit - the body limit in bytes, for the 413's message
 */
export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler(errorHandler(bodyLimit));
  app.setNotFoundHandler((request, reply) =>
    sendRefusal(
      reply,
      refusal(
        404,
        'request.not-found',
        'HTTP',
        `没有这个地址：${request.method} ${request.url.split('?')[0] ?? ''}`,
        `no such address: ${request.method} ${request.url.split('?')[0] ?? ''}`,
      ),
    ),
  );
}

/**
 * The error handler of {@link installErrorHandlers}, for a body limit: a plugin whose routes take
 * larger bodies (the calendars' `.ics` uploads) sets its own, so its 413 names its own limit.
 *
 * @param bodyLimit - the body limit in bytes, for the 413's message
 * @returns the handler
 */
export function errorHandler(
  bodyLimit: number,
): (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (err, request, reply) => {
    if (err.validation) {
      const first = err.validation[0];
      const where = `${err.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
      return sendRefusal(
        reply,
        refusal(
          400,
          'request.invalid',
          'HTTP',
          `请求格式不正确：${where} ${first?.message ?? ''}`.trim(),
          `the request does not match its schema: ${where} ${first?.message ?? ''}`.trim(),
        ),
      );
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendRefusal(reply, tooLarge(bodyLimit));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendRefusal(
          reply,
          refusal(
            400,
            'request.malformed',
            'HTTP',
            '请求内容不是有效的 JSON',
            'the body is not valid JSON',
          ),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendRefusal(
          reply,
          refusal(
            415,
            'request.media-type',
            'HTTP',
            '请以 application/json 发送请求内容',
            'send the body as application/json',
          ),
        );
      default:
        break;
    }
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return sendRefusal(
        reply,
        refusal(
          400,
          'request.malformed',
          'HTTP',
          `请求无效：${err.message}`,
          `bad request: ${err.message}`,
        ),
      );
    }
    request.log.error(err);
    return reply.code(500).send({
      error: {
        code: 'hub.internal',
        rule: 'HTTP',
        message: { 'zh-CN': '服务器内部错误', en: 'internal error in the hub' },
      },
    });
  };
}
