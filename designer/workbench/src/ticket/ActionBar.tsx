import { Button, Space, Tooltip } from 'antd';
import { useCatalogue } from '../../../shared/catalogue/CatalogueContext';
import { localName, useI18n } from '../../../shared/i18n';
import type { ActionTarget } from '../actions/useActionDialog';
import { groupButtons, reasonText } from './buttonGroups';
import type { AvailableAction } from './types';
import './texts';

export interface ActionBarProps {
  actions: readonly AvailableAction[] | undefined;
  target?: ActionTarget;
  onPress(button: string, target?: ActionTarget): void;
  size?: 'small' | 'middle';
  /** Marks the first allowed button as the primary one (the ticket's own bar). */
  primaryFirst?: boolean;
  testId?: string;
}

/** An entity's buttons from the engine's offer, grouped; refused ones stay visible, disabled, with the reason on hover. */
export function ActionBar({ actions, target, onPress, size = 'middle', primaryFirst, testId }: ActionBarProps) {
  const catalogue = useCatalogue();
  const { lang } = useI18n('ticket');
  const groups = groupButtons(actions, catalogue.button, catalogue.buttonGroups);
  if (!groups.length) return null;
  const firstAllowed = groups.flatMap((g) => g.buttons).find((b) => b.allowed)?.button;
  return (
    <Space wrap size={[8, 8]} data-testid={testId} separator={<span className="tg-action-sep" />}>
      {groups.map((g) => (
        <Space key={g.group} wrap size={[6, 6]} data-group={g.group}>
          {g.buttons.map((b) => {
            const name = localName(catalogue.button(b.button), lang) || b.button;
            const button = (
              <Button
                key={b.button}
                size={size}
                type={primaryFirst && b.button === firstAllowed ? 'primary' : 'default'}
                disabled={!b.allowed}
                data-button={b.button}
                data-allowed={String(b.allowed)}
                onClick={() => onPress(b.button, target)}
              >
                {name}
              </Button>
            );
            return b.allowed ? button : <Tooltip key={b.button} title={reasonText(b.reason, lang)}><span data-reason={reasonText(b.reason, lang)}>{button}</span></Tooltip>;
          })}
        </Space>
      ))}
    </Space>
  );
}
