/** The command line's shape: every verb behind one interface, one option parser, one failure policy. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../server/src/cli/commands';
import { parseArgs, OptionSpec } from '../../server/src/cli/options';
import { runCli } from '../support';

const ppnet = (...args: string[]) => runCli(args);

const SPECS: OptionSpec[] = [
  { name: '--format', alias: '-f', value: 'a format', choices: ['text', 'json'], default: 'text', repeatable: true, help: 'format' },
  { name: '--output', alias: '-o', value: 'a file name', repeatable: true, help: 'output' },
  { name: '--collapse', help: 'flag' },
];

describe('the option parser', () => {
  it('keeps repeated options in order, with aliases and inline values, and defaults what is not given', () => {
    const args = parseArgs(['a', '-f', 'json', '-o', 'a.json', '--format=text', '--output', 'b.txt', 'b', '--collapse'], SPECS);
    assert.deepEqual(args.inputs, ['a', 'b']);
    assert.deepEqual(args.given, [
      { name: '--format', value: 'json' },
      { name: '--output', value: 'a.json' },
      { name: '--format', value: 'text' },
      { name: '--output', value: 'b.txt' },
      { name: '--collapse', value: true },
    ]);
    assert.deepEqual([args.value('--format'), args.values('--output'), args.flag('--collapse')], ['text', ['a.json', 'b.txt'], true]);
    assert.deepEqual([parseArgs(['x'], SPECS).value('--format'), parseArgs(['x'], SPECS).flag('--collapse')], ['text', false]);
  });

  it('reads - as an input (standard input) and as a value (standard output), and everything after -- as inputs', () => {
    const args = parseArgs(['-', '-o', '-', '--', '--format', '-odd'], SPECS);
    assert.deepEqual([args.inputs, args.values('--output')], [['-', '--format', '-odd'], ['-']]);
  });

  it('says what is wrong in one line, with the usage when the shape of the call is wrong', () => {
    const failure = (argv: string[]) => {
      try {
        parseArgs(argv, SPECS);
      } catch (error) {
        return [(error as Error).message, (error as { showUsage: boolean }).showUsage];
      }
      return undefined;
    };
    assert.deepEqual(failure(['--format', 'xml']), ['--format must be text or json, not "xml"', false]);
    assert.deepEqual(failure(['-f']), ['-f needs a format: text or json', true]);
    assert.deepEqual(failure(['-o', '--collapse']), ['-o needs a file name', true]);
    assert.deepEqual(failure(['--output=']), ['--output needs a file name', true]);
    assert.deepEqual(failure(['--collapse=yes']), ['unknown option --collapse=yes', true]);
    assert.deepEqual(failure(['--colapse']), ['unknown option --colapse', true]);
  });
});

describe('the commands', () => {
  it('are listed by ppnet --help, each with its usage and what it does', async () => {
    const { code, stdout } = await ppnet('--help');
    assert.equal(code, 0);
    for (const command of COMMANDS) {
      assert.ok(stdout.includes(`  ppnet ${command.usage}\n`), command.name);
      assert.ok(stdout.includes(`\n${command.name}: ${command.summary}.`), command.name);
    }
  });

  it('each explain themselves with --help and help <command>: usage, every option, details; exit 0', async () => {
    for (const command of COMMANDS) {
      const help = await ppnet(command.name, '--help');
      assert.equal(help.code, 0, command.name);
      assert.ok(help.stdout.startsWith(`Usage:\n  ppnet ${command.usage}\n`), command.name);
      for (const option of command.options) assert.ok(help.stdout.includes(`${option.alias ? `${option.alias}, ` : ''}${option.name}`), `${command.name} ${option.name}`);
      assert.ok(help.stdout.endsWith(`${command.details}\n`), command.name);
      assert.deepEqual(await ppnet('help', command.name), help);
      // After --, --help is an input like any other.
      assert.equal((await ppnet(command.name, '--', '--help')).stderr.includes('--help'), true, command.name);
    }
  });

  it('reject a wrong number of inputs with the usage', async () => {
    for (const [args, message] of [
      [['check'], 'ppnet: check needs at least one file or folder'],
      [['graph', 'a', 'b'], 'ppnet: graph needs exactly one file'],
      [['routes'], 'ppnet: routes needs a file or folder'],
    ] as const) {
      const result = await ppnet(...args);
      assert.deepEqual([result.code, result.stdout, result.stderr.split('\n')[0]], [2, '', message]);
      assert.match(result.stderr, /\n\nUsage:\n {2}ppnet check /);
    }
  });

  it('fail inside ppnet with one line, the same for every command (routes printed a stack trace)', async () => {
    const routes = require('../../server/src/cli/routes') as Record<string, unknown>;
    const original = routes.routesOf;
    routes.routesOf = () => {
      throw new Error('matrix on fire');
    };
    const previous = process.env.PPNET_DEBUG;
    delete process.env.PPNET_DEBUG;
    try {
      assert.deepEqual(await ppnet('routes', 'examples/contoso.ppnet.yaml'), {
        code: 2,
        stdout: '',
        stderr: 'ppnet: internal error: matrix on fire. Please report it (set PPNET_DEBUG=1 to see where)\n',
      });
      process.env.PPNET_DEBUG = '1';
      assert.match((await ppnet('routes', 'examples/contoso.ppnet.yaml')).stderr, /^ppnet: internal error: matrix on fire\. Please report it\nError: matrix on fire\n {4}at /);
    } finally {
      routes.routesOf = original;
      if (previous === undefined) delete process.env.PPNET_DEBUG;
      else process.env.PPNET_DEBUG = previous;
    }
  });
});
