import { Router } from 'express';
import type { LoansContext } from '../domain/loans.context';
import { listProducts } from '../domain/list-products.use-case';

/** Public: the products of the credit policy in force, every figure with its legal source. */
export function productRoutes(ctx: LoansContext): Router {
  const router = Router();
  router.get('/products', (req, res) => {
    res.json(listProducts(ctx, req.query.on as string | undefined));
  });
  return router;
}
