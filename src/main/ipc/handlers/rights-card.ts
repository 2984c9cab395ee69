import { recordRightsCardHandedOver, saveRightsCard } from '../../rights-card/service';
import type { Handler } from '../dispatch';

export const rightsCardHandlers: {
  'rightsCard.save': Handler<'rightsCard.save'>;
  'rightsCard.handedOver': Handler<'rightsCard.handedOver'>;
} = {
  'rightsCard.save': async (req, ctx) => {
    const saved = await saveRightsCard(ctx.sessions.require(), req, ctx.exportTarget);
    return { fileName: saved?.fileName ?? null };
  },
  'rightsCard.handedOver': (req, ctx) => {
    recordRightsCardHandedOver(ctx.sessions.require(), req);
    return { recorded: true as const };
  },
};
