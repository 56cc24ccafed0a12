import { useMemo } from 'react';
import {
  composeVariables,
  PROFILES_VARIABLE,
  profilesFromVariable,
  setDotenvValue,
  type ComposeVariable,
} from '../core/compose/variables';
import { parseDotenv } from '../core/compose/dotenv';
import type { HostObj } from '../core/model/topology';
import type { AppStore, Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { COMPOSE_IDS } from '../testIds';
import { useMenu } from './useMenu';

/** The workspace's `.env` tab: where the variables panel and the profile toggles write. */
const DOTENV = '.env';

const selectFiles = (s: Store) => s.files;
const selectHost = (s: Store) => s.topology.objects.find((o): o is HostObj => o.role === 'host');

/** Writes one variable into the `.env` tab (made when missing), as a user editing it would. */
function writeVariable(store: AppStore, name: string, value: string | undefined): void {
  const state = store.getState();
  const current = state.files.find((f) => f.name === DOTENV)?.text ?? '';
  state.writeFile(DOTENV, setDotenvValue(current, name, value));
}

/**
 * Compose's settings in the toolbar: a toggle per profile and the variables the files
 * interpolate. Both write the `.env` tab, which plays the part of Compose's `.env` file:
 * `COMPOSE_PROFILES` for the profiles, `NAME=value` for each variable.
 */
export function ComposeSettings() {
  const host = useAppStore(selectHost);
  const files = useAppStore(selectFiles);
  const variables = useMemo(() => composeVariables(files), [files]);
  const profiles = host?.profiles ?? [];
  return (
    <>
      {profiles.length > 0 && <ProfilesMenu profiles={profiles} />}
      <VariablesMenu variables={variables.filter((v) => v.name !== PROFILES_VARIABLE)} />
    </>
  );
}

function ProfilesMenu({ profiles }: { profiles: HostObj['profiles'] }) {
  const store = useStoreApi();
  const { open, setOpen, root } = useMenu();
  const active = profiles.filter((p) => p.active).length;
  const toggle = (name: string, on: boolean) => {
    const dotenv = store.getState().files.find((f) => f.name === DOTENV)?.text ?? '';
    // Profiles the .env names that no service uses stay as the user wrote them.
    const now = new Set(profiles.filter((p) => p.active).map((p) => p.name));
    for (const p of profilesFromVariable(parseDotenv(dotenv).get(PROFILES_VARIABLE))) now.add(p);
    if (on) now.add(name);
    else now.delete(name);
    writeVariable(store, PROFILES_VARIABLE, now.size ? [...now].join(',') : undefined);
  };
  return (
    <div className="menu" ref={root}>
      <button
        className="button"
        data-testid={COMPOSE_IDS.profilesButton}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="Services behind a profile run only when it is active (COMPOSE_PROFILES in .env)"
      >
        Profiles {active}/{profiles.length} ▾
      </button>
      {open && (
        <div className="menu-list menu-panel" role="group" aria-label="Compose profiles">
          {profiles.map((profile) => (
            <label key={profile.name} className="menu-check">
              <input
                type="checkbox"
                data-testid={COMPOSE_IDS.profile}
                data-profile={profile.name}
                checked={profile.active}
                onChange={(e) => toggle(profile.name, e.currentTarget.checked)}
              />
              <span>
                <span className="menu-item-title">{profile.name}</span>
                <span className="menu-item-description">{profile.services.join(', ')}</span>
              </span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}

function VariablesMenu({ variables }: { variables: ComposeVariable[] }) {
  const store = useStoreApi();
  const { open, setOpen, root } = useMenu();
  const missing = variables.filter((v) => v.value === undefined && v.fallback === undefined).length;
  if (variables.length === 0) return null;
  return (
    <div className="menu" ref={root}>
      <button
        className={`button ${missing ? 'button-warning' : ''}`}
        data-testid={COMPOSE_IDS.variablesButton}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="The variables the Compose files interpolate; values go to the .env tab"
      >
        Variables {missing ? `(${missing} unset)` : `(${variables.length})`} ▾
      </button>
      {open && (
        <div className="menu-list menu-panel variables-panel" role="group" aria-label="Compose variables">
          <p className="menu-item-description">
            Values are written to the <code>.env</code> tab, as Compose reads its <code>.env</code> file.
          </p>
          {variables.map((variable) => (
            <label key={variable.name} className="variable-row">
              <span className="variable-name">
                {variable.name}
                {variable.required && <span className="chip">required</span>}
              </span>
              <input
                data-testid={COMPOSE_IDS.variable}
                data-variable={variable.name}
                value={variable.value ?? ''}
                placeholder={variable.fallback !== undefined ? `default: ${variable.fallback || '(empty)'}` : 'unset'}
                spellCheck={false}
                // An emptied field unsets the variable, so its default applies again.
                onChange={(e) => writeVariable(store, variable.name, e.currentTarget.value || undefined)}
              />
              <span className="menu-item-description">
                {variable.file}:{variable.line}
              </span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
