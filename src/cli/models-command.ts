/** `terse models add DIR [--name N]`, `terse models list`, `terse models pull OWNER/NAME`: the text models the CLI knows. */
import { environment } from '../config.ts';
import { addModel, listModels } from '../compressors/text-model/model-library.ts';
import { pullModel } from '../compressors/text-model/pull-model.ts';
import type { ModelFolder } from '../compressors/text-model/model-folder.ts';

function describe(folder: ModelFolder): string {
  return `${folder.modelType}, ${folder.onnx.file}, ${folder.keepLabel === null ? 'one keep score per token' : `keep label ${folder.keepLabel}`}`;
}

/** Checks the folder and copies it where `--text-model NAME` finds it. */
export function modelsAddCommand(dir: string, name: string | undefined): number {
  const folder = addModel(environment.modelsDir, dir, name);
  process.stdout.write(`added ${folder.dir} (${describe(folder)})\n`);
  return 0;
}

/** One line per registered model. */
export function modelsListCommand(): number {
  const models = listModels(environment.modelsDir);
  if (models.length === 0)
    process.stdout.write(`no models in ${environment.modelsDir} (terse models add DIR registers one)\n`);
  for (const model of models)
    process.stdout.write(
      `${model.name}\t${model.folder === null ? `unusable: ${model.problem}` : describe(model.folder)}\n`,
    );
  return 0;
}

/** Fetches a model from the hub when the hub answers; one clear line when it does not. */
export async function modelsPullCommand(id: string): Promise<number> {
  const folder = await pullModel(id, { endpoint: environment.modelHub, library: environment.modelsDir });
  process.stdout.write(`pulled ${id} into ${folder.dir} (${describe(folder)})\n`);
  return 0;
}
