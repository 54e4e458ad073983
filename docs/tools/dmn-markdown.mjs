// Turns a DMN file into a Markdown page a designer can read without Camunda Modeler: one
// section per decision with its description, hit policy, inputs, outputs and one row per
// rule with the rule's description. The XML is read with dmn-moddle (bpmn.io's DMN 1.3 model).
import { DmnModdle } from 'dmn-moddle';

const HIT_POLICIES = {
  UNIQUE: 'at most one row may match',
  FIRST: 'the first matching row, top to bottom, decides',
  PRIORITY: 'of the matching rows, the one whose outputs come first in the output values wins',
  ANY: 'every matching row gives the same result',
  COLLECT: 'every matching row counts',
  'RULE ORDER': 'every matching row counts, in the order of the rows',
  'OUTPUT ORDER': 'every matching row counts, ordered by the output values'
};

const AGGREGATIONS = { SUM: 'their sum', MIN: 'the smallest', MAX: 'the largest', COUNT: 'how many match' };

/** Prose for a table cell or a paragraph: nothing in it may become Markdown or HTML. */
function text(value) {
  return String(value ?? '').trim()
    .replace(/[\\`*_[\]|<>]/g, (c) => ({ '<': '&lt;', '>': '&gt;' }[c] || '\\' + c))
    .replace(/\r?\n/g, '<br>');
}

/** An expression (FEEL or otherwise) in a table cell: a code span, "-" for an empty entry (any value). */
function code(value) {
  const expression = String(value ?? '').trim().replace(/\s*\r?\n\s*/g, ' ');
  if (!expression) return '-';
  const fence = expression.includes('`') ? '``' : '`';
  const pad = fence.length > 1 ? ' ' : '';
  return fence + pad + expression.replaceAll('|', '\\|') + pad + fence;
}

function row(cells) {
  return '| ' + cells.join(' | ') + ' |';
}

function table(header, rows) {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

function decisionTableSection(table_) {
  const hitPolicy = table_.hitPolicy || 'UNIQUE';
  const aggregation = table_.aggregation ? ` ${table_.aggregation}` : '';
  const meaning = HIT_POLICIES[hitPolicy] || '';
  const aggregated = table_.aggregation ? `; the result is ${AGGREGATIONS[table_.aggregation] || table_.aggregation}` : '';
  const lines = [`**Hit policy:** ${hitPolicy}${aggregation} — ${meaning}${aggregated}.`, ''];

  const inputs = table_.input || [];
  const outputs = table_.output || [];
  // "allowed values" only where a table restricts some input or output to a list
  const inputValues = inputs.some((i) => i.inputValues);
  const outputValues = outputs.some((o) => o.outputValues);
  lines.push('**Inputs**', '', table(['input', 'expression', 'type', ...(inputValues ? ['allowed values'] : [])],
    inputs.map((input) => [
      text(input.label) || '-',
      code(input.inputExpression && input.inputExpression.text),
      text(input.inputExpression && input.inputExpression.typeRef) || '-',
      ...(inputValues ? [code(input.inputValues && input.inputValues.text)] : [])
    ])), '');
  lines.push('**Outputs**', '', table(['output', 'name', 'type', ...(outputValues ? ['allowed values'] : [])],
    outputs.map((output) => [
      text(output.label) || '-',
      code(output.name),
      text(output.typeRef) || '-',
      ...(outputValues ? [code(output.outputValues && output.outputValues.text)] : [])
    ])), '');

  const rules = table_.rule || [];
  lines.push(`**Rules** (${rules.length}; "-" matches any value)`, '', table(
    ['#', ...inputs.map((i) => text(i.label || (i.inputExpression && i.inputExpression.text))),
      ...outputs.map((o) => text(o.label || o.name)), 'description'],
    rules.map((rule, n) => [
      String(n + 1),
      ...inputs.map((_, i) => code(rule.inputEntry && rule.inputEntry[i] && rule.inputEntry[i].text)),
      ...outputs.map((_, i) => code(rule.outputEntry && rule.outputEntry[i] && rule.outputEntry[i].text)),
      text(rule.description) || '-'
    ])
  ));
  return lines;
}

function decisionSection(decision, decisionsById) {
  const lines = [`## ${text(decision.name || decision.id)} (\`${decision.id}\`)`, ''];
  if (decision.description) lines.push(text(decision.description), '');
  const required = (decision.informationRequirement || [])
    .map((r) => (r.requiredDecision && r.requiredDecision.href || r.requiredInput && r.requiredInput.href || '').replace(/^#/, ''))
    .filter(Boolean)
    .map((id) => decisionsById.has(id) ? `[${text(decisionsById.get(id).name || id)}](#${anchor(decisionsById.get(id))})` : `\`${id}\``);
  if (required.length) lines.push(`**Uses:** ${required.join(', ')}`, '');

  const logic = decision.decisionLogic;
  if (logic && logic.$type === 'dmn:DecisionTable') {
    lines.push(...decisionTableSection(logic));
  } else if (logic && logic.$type === 'dmn:LiteralExpression') {
    lines.push(`**Literal expression** (${text(decision.variable && decision.variable.name) || 'result'}):`, '',
      '```', String(logic.text || '').trim(), '```');
  } else {
    lines.push('_No decision logic in this decision._');
  }
  return lines.join('\n');
}

/** GitHub's heading anchor for a decision's section. */
function anchor(decision) {
  return `${decision.name || decision.id} (${decision.id})`.toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/**
 * Reads a DMN file's XML; returns its decisions ({ id, name, description }) and the Markdown
 * page, which links to the model at sourceLink.
 */
export async function dmnToMarkdown(xml, source, sourceLink = source) {
  const { rootElement: definitions, warnings } = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
  if (warnings.length) {
    throw new Error(`${source}: dmn-moddle could not read all of the model:\n  ${warnings.map((w) => w.message).join('\n  ')}`);
  }
  const decisions = (definitions.drgElement || []).filter((e) => e.$type === 'dmn:Decision');
  const decisionsById = new Map(decisions.map((d) => [d.id, d]));
  const page = [
    `# ${text(definitions.name || source)}`,
    '',
    `Decision tables of [\`${source}\`](${sourceLink}), generated by \`npm run diagrams\` — change the model, not this page.`,
    '',
    ...decisions.map((d) => decisionSection(d, decisionsById) + '\n')
  ].join('\n');
  return {
    decisions: decisions.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description || '',
      // asked by another decision of the file, rather than by a process
      helper: decisions.some((other) => (other.informationRequirement || [])
        .some((r) => r.requiredDecision && r.requiredDecision.href === `#${d.id}`))
    })),
    markdown: page.replace(/\n+$/, '') + '\n'
  };
}
