import { checkZawgyi } from '../../text/zawgyi';
import type { Handler } from '../dispatch';

export const textHandlers: { 'text.zawgyiCheck': Handler<'text.zawgyiCheck'> } = {
  'text.zawgyiCheck': (req) => checkZawgyi(req.text),
};
