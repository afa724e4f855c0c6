/**
 * What the edgarbox MCP server offers (tools, resource templates, prompts), listed through the
 * SDK's own client over an in-memory transport, exactly as a connected client would see it.
 * @module
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpServer, type McpServerOptions } from './server.ts';

/** One offered tool, template or prompt. */
export interface McpOffer {
  name: string;
  title?: string;
  description?: string;
  /** URI template (resource templates only). */
  uriTemplate?: string;
}

/** Everything the server offers. */
export interface McpDescription {
  tools: McpOffer[];
  resourceTemplates: McpOffer[];
  prompts: McpOffer[];
}

/** List the tools, resource templates and prompts of an edgarbox MCP server over `options.store`. */
export async function describeMcp(options: McpServerOptions): Promise<McpDescription> {
  const server = createMcpServer(options);
  const client = new Client({ name: 'edgarbox-describe', version: '0.1.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  try {
    const [tools, templates, prompts] = await Promise.all([
      client.listTools(),
      client.listResourceTemplates(),
      client.listPrompts(),
    ]);
    return {
      tools: tools.tools.map((t) => offer(t.name, t.title, t.description)),
      resourceTemplates: templates.resourceTemplates.map((t) => ({
        ...offer(t.name, t.title, t.description),
        uriTemplate: t.uriTemplate,
      })),
      prompts: prompts.prompts.map((p) => offer(p.name, p.title, p.description)),
    };
  } finally {
    await client.close();
    await server.close();
  }
}

function offer(name: string, title?: string, description?: string): McpOffer {
  return { name, ...(title ? { title } : {}), ...(description ? { description } : {}) };
}
